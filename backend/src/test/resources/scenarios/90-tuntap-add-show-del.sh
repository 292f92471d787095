# ip tuntap: add in both modes with flags and owners, show/list, del; the names the kernel picks.
ip tuntap add dev tun0 mode tun
ip tuntap add tap0 mode tap
ip tuntap add name tun5 mode tun multi_queue
ip tuntap add dev tun7 mode tun pi user 4242 group 4243 one_queue
ip tuntap add dev tun8 mode tun vnet_hdr user root group root
ip tuntap add mode tun
ip tuntap add mode tap
ip tuntap show
ip tuntap list
ip tuntap
ip -j tuntap show
ip tap show
ip tuntap del dev tun1 mode tun
ip tuntap del tap1 mode tap
ip tuntap del dev nosuch mode tun
ip tuntap add dev tun9 mode tun
ip tuntap del mode tun
ip tuntap show
ip link show
ip link show type tun
ip link del tun9
ip tuntap show
